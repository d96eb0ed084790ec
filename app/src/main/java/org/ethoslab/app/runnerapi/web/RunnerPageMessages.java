package org.ethoslab.app.runnerapi.web;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.support.AbstractResourceBasedMessageSource;
import org.springframework.stereotype.Component;

/**
 * Adds the fleet page's own message bundle ({@code templates/runnerapi/messages.properties}) to the app's message
 * source, so the page's strings live beside its template and the feature can be added or removed in one piece.
 */
@Component
class RunnerPageMessages implements BeanPostProcessor {

  static final String BASENAME = "templates/runnerapi/messages";

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof AbstractResourceBasedMessageSource messages && "messageSource".equals(beanName)
        && !messages.getBasenameSet().contains(BASENAME)) {
      messages.addBasenames(BASENAME);
    }
    return bean;
  }
}
