package org.openhaven.engine.host;

/**
 * What the engine learned about the server before rendering the stack for it: facts that change what the
 * services should look like there, gathered in one SSH round trip by {@link HostFactsProbe}. A render given the same
 * spec, secrets and facts gives the same bundle.
 *
 * @param nvidiaGpu              an NVIDIA GPU with a loaded driver ({@code nvidia-smi -L} lists it, or
 *                               {@code /dev/nvidia0} exists)
 * @param nvidiaContainerToolkit the NVIDIA Container Toolkit is installed, so Docker can hand the GPU to a container
 *                               ({@code nvidia-container-runtime-hook} is on the PATH; without it Docker refuses a
 *                               GPU reservation and the stack would not start)
 */
public record HostFacts(boolean nvidiaGpu, boolean nvidiaContainerToolkit) {

    /** Nothing known (no server yet, or {@code openhaven render} on its own): render as for a server without GPU. */
    public static final HostFacts UNKNOWN = new HostFacts(false, false);

    /** Whether containers can be given the GPU: the GPU and the toolkit are both there. */
    public boolean gpuForContainers() {
        return nvidiaGpu && nvidiaContainerToolkit;
    }
}
