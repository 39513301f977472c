package dev.reflekt.maven;

import dev.reflekt.core.internal.LogText;
import org.apache.maven.plugin.logging.Log;

/**
 * Maven's log, with every message made one inert line ({@link LogText#line}) before it is written: a schema key
 * holding a line break and {@code ::error ...} cannot forge a CI workflow command or a log line. The throwable of
 * a message is written as Maven writes it (its stack trace shows only with {@code -e}).
 */
final class InertLog implements Log {

    private final Log log;

    InertLog(Log log) {
        this.log = log;
    }

    @Override
    public boolean isDebugEnabled() {
        return log.isDebugEnabled();
    }

    @Override
    public void debug(CharSequence content) {
        log.debug(LogText.line(content));
    }

    @Override
    public void debug(CharSequence content, Throwable error) {
        log.debug(LogText.line(content), error);
    }

    @Override
    public void debug(Throwable error) {
        log.debug(error);
    }

    @Override
    public boolean isInfoEnabled() {
        return log.isInfoEnabled();
    }

    @Override
    public void info(CharSequence content) {
        log.info(LogText.line(content));
    }

    @Override
    public void info(CharSequence content, Throwable error) {
        log.info(LogText.line(content), error);
    }

    @Override
    public void info(Throwable error) {
        log.info(error);
    }

    @Override
    public boolean isWarnEnabled() {
        return log.isWarnEnabled();
    }

    @Override
    public void warn(CharSequence content) {
        log.warn(LogText.line(content));
    }

    @Override
    public void warn(CharSequence content, Throwable error) {
        log.warn(LogText.line(content), error);
    }

    @Override
    public void warn(Throwable error) {
        log.warn(error);
    }

    @Override
    public boolean isErrorEnabled() {
        return log.isErrorEnabled();
    }

    @Override
    public void error(CharSequence content) {
        log.error(LogText.line(content));
    }

    @Override
    public void error(CharSequence content, Throwable error) {
        log.error(LogText.line(content), error);
    }

    @Override
    public void error(Throwable error) {
        log.error(error);
    }
}
