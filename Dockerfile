# One image for every service: the command picks it (ingest, process, alerting, run, ...).
# Build: docker build -t tonewatch .   Run: docker run --rm tonewatch run --demo
#
# Stage 1 builds the runnable jar exactly as the README does (a test checks the RUN line below
# against the README), with the Maven Wrapper fetching the pinned Maven.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -q -DskipTests package

# Stage 2: a JRE only, the jar, and curl for the healthchecks; runs as an unprivileged user.
FROM eclipse-temurin:17-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --user-group --home-dir /var/lib/tonewatch --create-home tonewatch
COPY --from=build /src/app/target/tonewatch.jar /opt/tonewatch/tonewatch.jar
USER tonewatch
WORKDIR /var/lib/tonewatch
# Every service listens on 127.0.0.1 by default; in a container it must listen on all interfaces.
ENV TONEWATCH_INGEST_BIND_ADDRESS=0.0.0.0 \
    TONEWATCH_PROCESS_BIND_ADDRESS=0.0.0.0 \
    TONEWATCH_ALERTING_BIND_ADDRESS=0.0.0.0 \
    TONEWATCH_LOG_FORMAT=json \
    TONEWATCH_LOG_LEVEL=INFO
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/tonewatch/tonewatch.jar"]
CMD ["--help"]
