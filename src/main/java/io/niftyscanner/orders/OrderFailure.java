package io.niftyscanner.orders;

/** Why a gateway call did not give a clear success. The three kinds demand different handling; see the subclasses. */
public abstract class OrderFailure extends RuntimeException {
    OrderFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
