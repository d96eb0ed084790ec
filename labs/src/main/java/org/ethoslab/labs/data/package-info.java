/** Seeded task generators, the weak models' bag of words, and importers for uploaded datasets. */
package org.ethoslab.labs.data;
