package org.itsupport.notification;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real SMTP and IMAP server (GreenMail) on 127.0.0.1, on ports chosen once, so that the tests can stop it
 * ("the mail server is down") and start it again on the same address. The application tests' context sends its
 * mail to the {@link #shared} one (one context for all of them: the engine and the webapps exist once per JVM).
 */
public final class MailServer implements AutoCloseable {

  static final String HOST = "127.0.0.1";
  /** The support mailbox the application polls. */
  static final String SUPPORT_ADDRESS = "support@localhost";
  static final String SUPPORT_LOGIN = "support";
  static final String SUPPORT_PASSWORD = "support-secret";
  private static MailServer shared;

  /** The mail server of the application tests' context, started with it and stopped when the JVM ends. */
  static synchronized MailServer shared() {
    if (shared == null) {
      shared = new MailServer().start();
      Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
    }
    return shared;
  }

  /** For application contexts: spring.mail points at the shared server. */
  public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
      MailServer server = shared();
      TestPropertyValues.of("spring.mail.host=" + HOST, "spring.mail.port=" + server.smtpPort(),
          "itsupport.mail-intake.enabled=true", "itsupport.mail-intake.protocol=imap",
          "itsupport.mail-intake.host=" + HOST, "itsupport.mail-intake.port=" + server.imapPort(),
          "itsupport.mail-intake.username=" + SUPPORT_LOGIN, "itsupport.mail-intake.password=" + SUPPORT_PASSWORD,
          // the tests poll the mailbox themselves
          "itsupport.mail-intake.poll-interval=PT24H").applyTo(context);
    }
  }

  private final int smtpPort = freePort();
  private final int imapPort = freePort();
  private GreenMail server;

  int smtpPort() {
    return smtpPort;
  }

  int imapPort() {
    return imapPort;
  }

  synchronized MailServer start() {
    server = new GreenMail(new ServerSetup[] {new ServerSetup(smtpPort, HOST, ServerSetup.PROTOCOL_SMTP),
        new ServerSetup(imapPort, HOST, ServerSetup.PROTOCOL_IMAP)});
    server.start();
    server.setUser(SUPPORT_ADDRESS, SUPPORT_LOGIN, SUPPORT_PASSWORD);
    return this;
  }

  synchronized void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  GreenMail greenMail() {
    return server;
  }

  /** Puts a mail into the support mailbox, as if it had arrived from outside. */
  void deliverToSupport(MimeMessage mail) {
    server.getUserManager().getUser(SUPPORT_LOGIN).deliver(mail);
  }

  /** The support mailbox's mails, with their flags, as the application left them. */
  List<StoredMessage> supportMailbox() {
    try {
      return server.getManagers().getImapHostManager().getInbox(server.getUserManager().getUser(SUPPORT_LOGIN))
          .getMessages();
    } catch (FolderException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every mail the server took, oldest first. */
  List<MimeMessage> received() {
    return Arrays.asList(server.getReceivedMessages());
  }

  @Override
  public void close() {
    stop();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
