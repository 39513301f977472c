package dev.reflekt.maven;

import java.net.URL;
import java.net.URLClassLoader;

/**
 * Loads a client library and the Reflekt classes that use it child-first, so that the library's own
 * versions of Jackson, Guava and the like never meet the plugin's; every other Reflekt class and the
 * JDK come from the parent, so that the two sides share Reflekt's types.
 */
final class IsolatedClassLoader extends URLClassLoader {

    private final String ownPackage;

    /** @param ownPackage the Reflekt package that must be loaded here, beside the library */
    IsolatedClassLoader(URL[] urls, ClassLoader parent, String ownPackage) {
        super(urls, parent);
        this.ownPackage = ownPackage;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            boolean parentFirst = name.startsWith("java.")
                    || name.startsWith("javax.")
                    || (name.startsWith("dev.reflekt.") && !name.startsWith(ownPackage));
            if (c == null && !parentFirst) {
                try {
                    c = findClass(name);
                } catch (ClassNotFoundException e) {
                    // not in the library: the parent's
                }
            }
            if (c == null) {
                c = getParent().loadClass(name);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }
}
