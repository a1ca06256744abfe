package dev.cch.protocol.convert;

/** A request that cannot be expressed in the provider's protocol (the message says what and why). */
public class ConversionException extends Exception {
    public ConversionException(String message) {
        super(message);
    }
}
