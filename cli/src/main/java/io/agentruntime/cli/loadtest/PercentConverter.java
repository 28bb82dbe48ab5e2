package io.agentruntime.cli.loadtest;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code 20%} (or {@code 20}) as the fraction 0.20. */
final class PercentConverter implements ITypeConverter<Double> {

  @Override
  public Double convert(String value) {
    String number = value.trim();
    if (number.endsWith("%")) {
      number = number.substring(0, number.length() - 1).trim();
    }
    double percent;
    try {
      percent = Double.parseDouble(number);
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + value + "' is not a percentage such as 20%");
    }
    if (!(percent >= 0) || Double.isInfinite(percent)) {
      throw new TypeConversionException("'" + value + "' must be a percentage of 0 or more");
    }
    return percent / 100;
  }
}
