# Builds the Tandem jar and runs it. Used by docker-compose.yml with an external PostgreSQL.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --create-home tandem
USER tandem
WORKDIR /home/tandem
COPY --from=build /src/app/target/tandem.jar tandem.jar
EXPOSE 8080
# out of memory, the JVM exits (status 3) and the container restarts, instead of staying half alive
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-jar", "tandem.jar"]
