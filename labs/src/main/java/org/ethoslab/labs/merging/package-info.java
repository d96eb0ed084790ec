/** The MergeAlign lab: merging a domain expert's and an aligned model's task vectors, with TIES, DARE and SLERP. */
package org.ethoslab.labs.merging;
