/** The admin fleet page: register, list and revoke runners. */
package org.ethoslab.app.runnerapi.web;
