package org.ethoslab.labs.cli;

import org.ethoslab.labs.core.LabRegistry;

/** The labs this build ships, in one place. */
public final class Labs {
    private Labs() {
    }

    public static LabRegistry registry() {
        return new LabRegistry();
    }
}
