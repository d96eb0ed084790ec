package org.ethoslab.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The EthosLab web application: courses, labs, grading and the runner API in one Spring Boot app. */
@SpringBootApplication
public class EthosLabApplication {

  public static void main(String[] args) {
    SpringApplication.run(EthosLabApplication.class, args);
  }
}
