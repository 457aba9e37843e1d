package org.itsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.itsupport.database.TestDatabase;
import org.itsupport.notification.MailServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a database of its own ({@link TestDatabase}) with the demo users, listening on a
 * random port of 127.0.0.1, mailing to a real mail server there ({@link MailServer}), job executor off. Every such test shares one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@ContextConfiguration(initializers = {TestDatabase.Initializer.class, MailServer.Initializer.class})
public @interface ApplicationTest {
}
