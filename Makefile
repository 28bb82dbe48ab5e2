# AgentRuntime front door. `make help` lists the targets.
SHELL := /bin/bash
MVN := tools/mvn -B
JAVA_HOME := $(shell tools/find-jdk)
ifeq ($(JAVA_HOME),)
$(error no JDK 21+ found: see the message above)
endif
JAVA := $(JAVA_HOME)/bin/java
JVM_FLAGS := --enable-native-access=ALL-UNNAMED -XX:+UseZGC
RUNTIME_JAR := runtime/target/agent-runtime.jar
CONFIG ?= examples/local/runtime.yaml
SOURCES := $(shell find pom.xml governance runtime -path '*/target' -prune -o -type f -print)

.PHONY: help build run test fmt clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

build: ## package every module (no tests)
	$(MVN) -q package -DskipTests

$(RUNTIME_JAR): $(SOURCES)
	$(MVN) -q package -DskipTests -pl runtime -am

run: $(RUNTIME_JAR) ## start the runtime on localhost:8080 with the local example config
	$(JAVA) $(JVM_FLAGS) -jar $(RUNTIME_JAR) --config $(CONFIG)

test: ## run the whole test suite (and format, dependency and build checks)
	$(MVN) verify

fmt: ## format the Java sources (google-java-format)
	$(MVN) -q spotless:apply

clean: ## remove build output
	$(MVN) -q clean
