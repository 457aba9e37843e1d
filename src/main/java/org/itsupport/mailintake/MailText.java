package org.itsupport.mailintake;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The text a person wrote in a mail: its plain-text part (else its HTML without tags), without quoted replies. */
final class MailText {

  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  /** "On Tue, 10 Mar 2026 at 09:00, IT support wrote:", "-----Original Message-----" and the like. */
  private static final Pattern QUOTE_HEADER = Pattern.compile(
      "^(on .{0,200}wrote:|-{2,}\\s*original message\\s*-{2,}|from: .*)$", Pattern.CASE_INSENSITIVE);

  private MailText() {
  }

  static String of(Part mail) throws MessagingException, IOException {
    String plain = find(mail, "text/plain");
    if (plain != null) {
      return plain.replace("\r\n", "\n").strip();
    }
    String html = find(mail, "text/html");
    return html == null ? "" : TAG.matcher(html.replaceAll("(?i)<br\\s*/?>|</p>", "\n")).replaceAll("")
        .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").strip();
  }

  /** What the sender wrote above the quoted mail they answer. */
  static String withoutQuote(String text) {
    List<String> own = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      if (line.startsWith(">") || QUOTE_HEADER.matcher(line.trim()).matches()) {
        break;
      }
      own.add(line);
    }
    return String.join("\n", own).strip();
  }

  private static String find(Part part, String type) throws MessagingException, IOException {
    if (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
      return part.getContent() instanceof String text ? text : null;
    }
    if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        String found = find(child, type);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
