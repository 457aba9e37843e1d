package org.itsupport.mailintake;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The support mailbox the application polls (README, E-mail intake): off unless enabled.
 *
 * @param protocol imap, or imaps for TLS
 * @param folder where new mail arrives
 * @param pollInterval how long between two looks at the mailbox
 */
@ConfigurationProperties("itsupport.mail-intake")
public record MailIntakeProperties(boolean enabled, String host, int port, String protocol, String username,
    String password, String folder, Duration pollInterval) {
}
