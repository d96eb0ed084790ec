/** The MergeAlign lab's hooks: merge methods over parameter trees and their settings. */
package org.ethoslab.hooks.merging;
