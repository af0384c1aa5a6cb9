# syntax=docker/dockerfile:1.7
# One image recipe for every Duban application: pick it with --build-arg SERVICE=<module>, e.g.
#   docker build --build-arg SERVICE=intake-service -t duban/intake-service:0.1.0 .
# Modules: gateway, intake-service, supervision-service, notification-service, reporting-service, console.
# Stage 1 builds that module (and what it depends on) with Maven; stage 2 splits the Boot jar into
# layers (dependencies change rarely, the application often); stage 3 is a JRE 17 runtime that runs
# as an unprivileged user. See README "Deploy" and docs/adr/0007-deploy.md.

ARG MAVEN_IMAGE=maven:3.9.9-eclipse-temurin-17
ARG RUNTIME_IMAGE=eclipse-temurin:17.0.15_6-jre-jammy

FROM ${MAVEN_IMAGE} AS build
ARG SERVICE
RUN test -n "${SERVICE}" || { echo "build with --build-arg SERVICE=<module>" >&2; exit 1; }
WORKDIR /src
COPY . .
# The Maven repository is a BuildKit cache: a rebuild after a code change downloads nothing.
RUN --mount=type=cache,target=/root/.m2 \
    mvn --batch-mode --no-transfer-progress -q -DskipTests -pl "${SERVICE}" -am package \
 && cp "${SERVICE}/target/${SERVICE}-"*.jar /application.jar \
 && cp "${SERVICE}/target/classes/META-INF/sbom/application.cdx.json" /application.cdx.json

FROM ${RUNTIME_IMAGE} AS layers
WORKDIR /layers
COPY --from=build /application.jar application.jar
# Boot 4's tools jar mode: dependencies/, spring-boot-loader/, snapshot-dependencies/, application/
RUN java -Djarmode=tools -jar application.jar extract --layers --destination extracted

FROM ${RUNTIME_IMAGE}
ARG SERVICE
LABEL org.opencontainers.image.title="duban-${SERVICE}" \
      org.opencontainers.image.description="Duban ${SERVICE}"
# reporting-service draws Chinese labels on its PNG charts with a CJK font it finds at run time (ChartFont):
# Noto Sans CJK from the distribution's fonts-noto-cjk, in its image only, without recommended packages and
# without the package lists, so that the other images stay as small as they were.
RUN if [ "${SERVICE}" = "reporting-service" ]; then \
      apt-get update \
      && apt-get install -y --no-install-recommends fonts-noto-cjk \
      && rm -rf /var/lib/apt/lists/*; \
    fi
RUN groupadd --system --gid 10001 duban \
 && useradd --system --uid 10001 --gid duban --home-dir /app --shell /usr/sbin/nologin duban
WORKDIR /app
COPY --chown=root:root deploy/docker/healthcheck.sh /usr/local/bin/duban-healthcheck
COPY --from=layers /layers/extracted/dependencies/ ./
COPY --from=layers /layers/extracted/spring-boot-loader/ ./
COPY --from=layers /layers/extracted/snapshot-dependencies/ ./
COPY --from=layers /layers/extracted/application/ ./
# The application's CycloneDX SBOM (the build's cyclonedx-maven-plugin; README "Build"), for image scanners
# beside the jar; the same file is in the jar (META-INF/sbom), served at /actuator/sbom/application.
COPY --from=build --chown=root:root /application.cdx.json /app/sbom/application.cdx.json
USER 10001:10001
# every application listens on 8080 in a container (its local default differs), and answers health,
# metrics and info on its management port 9080, which is not exposed: no one outside the container's
# network reaches it (compose never publishes it; in Kubernetes only the monitoring namespace may)
ENV SERVER_PORT=8080 MANAGEMENT_SERVER_PORT=9080
EXPOSE 8080
# Liveness through the actuator's probe group on the management port; the script needs nothing but bash
# (no curl in the image).
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 CMD ["duban-healthcheck", "liveness"]
# Heap from the container's memory limit, not the host's; fail fast on OOM so the orchestrator restarts
# the container. Extra options: JAVA_TOOL_OPTIONS.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:InitialRAMPercentage=25", "-XX:+ExitOnOutOfMemoryError", \
            "-jar", "/app/application.jar"]
