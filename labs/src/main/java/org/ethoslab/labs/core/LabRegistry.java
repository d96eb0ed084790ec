package org.ethoslab.labs.core;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The labs this build can run, looked up by id and (optionally) version. */
public final class LabRegistry {
    private final List<Lab> labs = new ArrayList<>();

    public LabRegistry register(Lab lab) {
        labs.add(lab);
        return this;
    }

    public List<Lab> all() {
        return List.copyOf(labs);
    }

    /** The lab with this id; with a version, exactly that version, else the newest registered. */
    public Lab find(String id, String version) {
        Lab found = null;
        for (Lab lab : labs) {
            LabSpec s = lab.spec();
            if (s.id().equals(id) && (version == null || s.version().equals(version))) {
                found = lab;
            }
        }
        if (found == null) {
            Supplier<String> known = () -> String.join(", ",
                    labs.stream().map(l -> l.spec().id() + "@" + l.spec().version()).toList());
            throw LabFailure.badInput(version == null ? "lab" : "labVersion", "no lab " + id
                    + (version == null ? "" : " version " + version) + " (known: " + known.get() + ")");
        }
        return found;
    }
}
