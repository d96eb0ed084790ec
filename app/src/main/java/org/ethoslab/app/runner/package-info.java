/** Starts the sandbox-runner inside the app for the one-command default profile. */
package org.ethoslab.app.runner;
