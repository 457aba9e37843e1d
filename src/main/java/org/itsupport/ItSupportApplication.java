package org.itsupport;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The IT support workflow. As a process application it deploys every model listed by
 * META-INF/processes.xml (processes, decisions and forms) in one deployment.
 */
@SpringBootApplication
@EnableProcessApplication("it-support-workflow")
public class ItSupportApplication {

  public static void main(String[] args) {
    SpringApplication.run(ItSupportApplication.class, args);
  }
}
