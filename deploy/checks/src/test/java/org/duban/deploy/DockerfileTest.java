package org.duban.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The one Dockerfile: read as text, since no Docker engine is here to build it. */
class DockerfileTest {

    private static final Pattern ARG = Pattern.compile("(?m)^ARG (\\w+)=(\\S+)$");
    private static final Pattern FROM = Pattern.compile("(?m)^FROM (\\S+)");

    private final String dockerfile = Repository.read(Repository.file("Dockerfile"));

    @Test
    void everyBaseImageIsPinned() {
        assertThat(baseImages(dockerfile)).hasSize(3).allSatisfy(image ->
                assertThat(Images.unpinned(image)).as(image).isEmpty());
    }

    @Test
    void findsAnUnpinnedBaseImage() {
        String broken = dockerfile.replace("eclipse-temurin:17.0.15_6-jre-jammy", "eclipse-temurin:latest");

        assertThat(baseImages(broken)).anySatisfy(image -> assertThat(Images.unpinned(image)).isPresent());
    }

    @Test
    void buildsWithMavenOnJdk17AndRunsOnAJre17() {
        assertThat(dockerfile).contains("ARG MAVEN_IMAGE=maven:3.9.9-eclipse-temurin-17",
                "ARG RUNTIME_IMAGE=eclipse-temurin:17.0.15_6-jre-jammy", "-pl \"${SERVICE}\" -am package");
    }

    @Test
    void runsTheLayersOfTheBootJarAsAnUnprivilegedUserWithAHealthCheckAndAContainerSizedHeap() {
        assertThat(dockerfile).contains(
                "java -Djarmode=tools -jar application.jar extract --layers --destination extracted",
                "extracted/dependencies/", "extracted/spring-boot-loader/", "extracted/snapshot-dependencies/",
                "extracted/application/", "-XX:MaxRAMPercentage=75");
        assertThat(dockerfile).containsPattern("(?m)^USER 10001:10001$");
        assertThat(dockerfile).containsPattern("(?m)^HEALTHCHECK .*duban-healthcheck");
        assertThat(Repository.file("deploy/docker/healthcheck.sh")).isExecutable();
    }

    private static List<String> baseImages(String dockerfile) {
        Map<String, String> args = new HashMap<>();
        Matcher arg = ARG.matcher(dockerfile);
        while (arg.find()) {
            args.put(arg.group(1), arg.group(2));
        }
        List<String> images = new ArrayList<>();
        Matcher from = FROM.matcher(dockerfile);
        while (from.find()) {
            String image = from.group(1);
            Matcher variable = Pattern.compile("\\$\\{(\\w+)}").matcher(image);
            images.add(variable.matches() ? args.get(variable.group(1)) : image);
        }
        return images;
    }
}
