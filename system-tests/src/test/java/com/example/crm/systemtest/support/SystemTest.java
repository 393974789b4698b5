package com.example.crm.systemtest.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/** A test of the whole running stack: it gets the {@link RunningStack} and, when it asks, a {@link Browser}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith({StackExtension.class, BrowserExtension.class})
public @interface SystemTest {
}
