/** The hook channel as the trusted side uses it: value encoding, calls and results, the client, a local host. */
package org.ethoslab.hooks.channel;
