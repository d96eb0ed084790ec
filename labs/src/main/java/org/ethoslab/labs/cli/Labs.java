package org.ethoslab.labs.cli;

import org.ethoslab.labs.core.LabRegistry;
import org.ethoslab.labs.merging.MergeAlignLab;
import org.ethoslab.labs.prefopt.PrefoptLab;
import org.ethoslab.labs.w2s.W2sLab;

/** The labs this build ships, in one place. */
public final class Labs {
    private Labs() {
    }

    public static LabRegistry registry() {
        return new LabRegistry().register(new W2sLab()).register(new MergeAlignLab()).register(new PrefoptLab());
    }
}
