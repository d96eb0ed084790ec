/** What a lab is ({@link org.ethoslab.contract.lab.LabSpec}) and what grading one run gives ({@link org.ethoslab.contract.lab.Evaluation}). */
package org.ethoslab.contract.lab;
