package org.itsupport.decisions;

import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * One DMN configuration for every place that evaluates decision tables: the process engine (tickets, with
 * history), and the standalone engines that check a table before it is deployed and read escalation levels.
 * A table therefore behaves the same wherever it is tested or used.
 */
@Component
public class DecisionEngines extends AbstractProcessEnginePlugin {

  /** A DMN engine without history, configured like the process engine's. */
  public static DmnEngine standalone() {
    return configure(defaults()).buildEngine();
  }

  /** Camunda's default DMN configuration with FEEL expressions parsed once (see {@link ParsedOnceFeelEngine}). */
  public static DefaultDmnEngineConfiguration configure(DefaultDmnEngineConfiguration configuration) {
    configuration.feelEngineFactory(() -> new ParsedOnceFeelEngine(configuration.getFeelCustomFunctionProviders()));
    return configuration;
  }

  public static DefaultDmnEngineConfiguration defaults() {
    return (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
    configuration.setDmnEngineConfiguration(configure(dmn != null ? dmn : defaults()));
  }
}
