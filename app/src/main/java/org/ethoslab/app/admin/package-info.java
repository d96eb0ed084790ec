/** Administration of the installation: users and their roles. */
package org.ethoslab.app.admin;
