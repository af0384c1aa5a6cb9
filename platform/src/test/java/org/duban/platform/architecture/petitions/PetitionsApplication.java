package org.duban.platform.architecture.petitions;

import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PetitionsApplication {
}
