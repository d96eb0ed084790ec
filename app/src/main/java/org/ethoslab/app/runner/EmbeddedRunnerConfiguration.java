package org.ethoslab.app.runner;

import org.ethoslab.app.runnerapi.RunnerRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Starts the embedded runner unless {@code ethoslab.runner.embedded.enabled=false}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmbeddedRunnerProperties.class)
@ConditionalOnProperty(name = "ethoslab.runner.embedded.enabled", havingValue = "true", matchIfMissing = true)
class EmbeddedRunnerConfiguration {

  @Bean
  EmbeddedRunnerLauncher embeddedRunnerLauncher(RunnerRegistry registry, EmbeddedRunnerProperties properties,
                                                Environment environment) {
    return new EmbeddedRunnerLauncher(registry, properties, environment);
  }

  @Bean
  EmbeddedRunnerHealth embeddedRunnerHealthIndicator(EmbeddedRunnerLauncher launcher) {
    return new EmbeddedRunnerHealth(launcher);
  }
}
