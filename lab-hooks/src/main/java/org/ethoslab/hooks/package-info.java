/**
 * The hook API: what student code compiles against. The value types hooks take ({@link org.ethoslab.hooks.ParameterTree});
 * the per-lab hook interfaces live in the sub-packages {@code w2s}, {@code merging} and {@code prefopt}.
 */
package org.ethoslab.hooks;
