# syntax=docker/dockerfile:1
# Claude Code Hub for Java: build with Maven on a JDK, run on a JRE as a non-root user.
#   docker build -t cch-hub .        (or: docker compose up -d, see README "Deploy with Docker Compose")

FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY pom.xml ./
COPY db db
COPY hub-protocol hub-protocol
COPY hub-testkit hub-testkit
COPY hub-server hub-server
COPY hub-admin-fx/pom.xml hub-admin-fx/pom.xml
COPY bench/pom.xml bench/pom.xml
# the Maven cache survives between builds; tests run in CI (./bin/test), not in the image build
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -Dmaven.test.skip=true -pl hub-server -am package \
 && mkdir -p /out/libs \
 && cp hub-server/target/hub-server.jar /out/ \
 && cp hub-server/target/libs/*.jar /out/libs/

FROM eclipse-temurin:21-jre
RUN groupadd --system --gid 10001 cch \
 && useradd --system --uid 10001 --gid cch --home-dir /var/lib/cch --shell /usr/sbin/nologin cch \
 && mkdir -p /var/lib/cch && chown cch:cch /var/lib/cch
WORKDIR /app
COPY --from=build /out/ /app/
# the same JVM flags as ./bin/hub; add more with JDK_JAVA_OPTIONS (read by the java launcher)
COPY bin/jvm.options /app/jvm.options
ENV SERVER_PORT=23000 \
    HUB_DATA_DIR=/var/lib/cch \
    HUB_LOG_FORMAT=json
USER cch
VOLUME /var/lib/cch
EXPOSE 23000
# ready = database and state store answer and the hub is not draining (503 otherwise); bash's /dev/tcp needs no curl
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${SERVER_PORT} && printf 'GET /health/ready HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200'"]
ENTRYPOINT ["java", "@/app/jvm.options", "-jar", "/app/hub-server.jar"]
