/** User accounts and roles: sign-up, login throttling, password change and the first administrator. */
package org.ethoslab.app.account;
