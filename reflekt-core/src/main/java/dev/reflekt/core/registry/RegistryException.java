package dev.reflekt.core.registry;

import dev.reflekt.core.ReflektException;

/**
 * A registry refused or failed a request. The message names the registry, the status and the
 * registry's own explanation; it never contains a credential.
 */
public class RegistryException extends ReflektException {

    private final int status;

    public RegistryException(String message, int status) {
        super(message);
        this.status = status;
    }

    public RegistryException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status, or 0 when no response came (timeout, refused connection). */
    public int status() {
        return status;
    }
}
