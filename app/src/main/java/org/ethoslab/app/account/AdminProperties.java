package org.ethoslab.app.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator, created on first start when no admin exists.
 *
 * @param email     login of the admin ({@code ETHOSLAB_ADMIN_EMAIL}, default {@code admin@ethoslab.local})
 * @param password  password ({@code ETHOSLAB_ADMIN_PASSWORD}); when blank one is generated and logged once
 */
@ConfigurationProperties("ethoslab.admin")
public record AdminProperties(String email, String password) {
  public AdminProperties {
    email = email == null || email.isBlank() ? "admin@ethoslab.local" : email;
  }
}
