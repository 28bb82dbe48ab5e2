# AgentRuntime front door. `make help` lists the targets.
SHELL := /bin/bash
MVN := tools/mvn -B
JAVA_HOME := $(shell tools/find-jdk)
ifeq ($(JAVA_HOME),)
$(error no JDK 21+ found: see the message above)
endif
JAVA := $(JAVA_HOME)/bin/java
# No GC flag: the JVM picks G1 on 2+ cores (SerialGC on one). ZGC costs a 2-core runtime
# about twice the CPU per request (docs/performance.md).
JVM_FLAGS := --enable-native-access=ALL-UNNAMED
RUNTIME_JAR := cli/target/agent-runtime.jar
CONFIG ?= examples/local/runtime.yaml
SOURCES := $(shell find pom.xml governance runtime cli -path '*/target' -prune -o -type f -print)
OPERATOR_JAR := operator/target/agent-runtime-operator.jar
OPERATOR_SOURCES := $(shell find pom.xml governance operator -path '*/target' -prune -o -type f -print)
FILE ?= examples/full.yaml
JMH_ARGS ?= -f 1 -wi 2 -w 2s -i 3 -r 3s

.PHONY: help build run test fmt clean render crds bench bench-jmh loadtest

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

build: ## package every module (no tests)
	$(MVN) -q package -DskipTests

$(RUNTIME_JAR): $(SOURCES)
	$(MVN) -q package -DskipTests -pl cli -am

# The demo MCP server runs beside the runtime, behind its gateway at /mcp/demo, and stops with it.
run: $(RUNTIME_JAR) ## start the runtime on localhost:8080 (and a demo MCP server) with the local example config
	$(JAVA) -jar $(RUNTIME_JAR) demo-mcp-server --port 8090 & demo=$$!; \
	trap 'kill $$demo' EXIT; \
	$(JAVA) $(JVM_FLAGS) -jar $(RUNTIME_JAR) --config $(CONFIG)

test: ## run the whole test suite (and format, dependency and build checks)
	$(MVN) verify

$(OPERATOR_JAR): $(OPERATOR_SOURCES)
	$(MVN) -q package -DskipTests -pl operator -am

render: $(OPERATOR_JAR) ## print every object the operator would apply for FILE=<AgentRuntime YAML> [ADDONS=istio,keda,...]
	@$(JAVA) $(JVM_FLAGS) -jar $(OPERATOR_JAR) render -f $(FILE) $(if $(ADDONS),--addons $(ADDONS))

# The generator names its files <crd>-v1.yml after apiextensions.k8s.io/v1; the committed files are
# named after the versions of the resource they hold, e.g. agentruntimes.agentruntime.io-v1alpha1.yaml.
CRD_DIRS := crds helm/agent-runtime-operator/crds

crds: ## regenerate crds/ and the Helm chart's crds/ from the CR types (commit the result)
	$(MVN) -q process-classes -pl operator -am
	for dir in $(CRD_DIRS); do rm -f $$dir/*.yml $$dir/*.yaml; done
	for generated in operator/target/classes/META-INF/fabric8/*-v1.yml; do \
	  versions=$$(sed -n 's/^    name: "\(.*\)"$$/\1/p' $$generated | paste -sd-); \
	  for dir in $(CRD_DIRS); do cp $$generated $$dir/$$(basename $$generated -v1.yml)-$$versions.yaml; done; \
	done

bench: ## load the runtime and a bare Vert.x server with wrk/hey on loopback (see bench/README.md)
	bench/dispatch-vs-hello.sh

loadtest: ## the original load-test scenarios (baseline, ramp, spike) against the local runtime
	bench/scenarios.sh

bench-jmh: ## JMH: governance decision latency with 100 policies
	$(MVN) -q install -DskipTests -pl governance -am
	$(MVN) -q package -f bench/jmh/pom.xml
	$(JAVA) $(JVM_FLAGS) -jar bench/jmh/target/benchmarks.jar $(JMH_ARGS)

fmt: ## format the Java sources (google-java-format)
	$(MVN) -q spotless:apply

clean: ## remove build output
	$(MVN) -q clean
