/** The weak-to-strong generalization lab (Burns et al. 2023) on safety, toxicity and legal tasks. */
package org.ethoslab.labs.w2s;
