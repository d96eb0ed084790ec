/**
 * The runner's GPUs: detection with {@code nvidia-smi} ({@link org.ethoslab.runner.gpu.GpuInventory}) and their
 * time-slicing between job slots ({@link org.ethoslab.runner.gpu.GpuShares}).
 */
package org.ethoslab.runner.gpu;
