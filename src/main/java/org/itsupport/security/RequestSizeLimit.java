package org.itsupport.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No request body larger than the limit reaches the APIs: a ticket, a form or a decision table is a few kilobytes,
 * so megabytes are a mistake or an attack. A declared length over the limit is answered 413 before anything is
 * read; a body sent without a length (chunked) is read up to the limit first, and answered 413 if it goes on.
 */
class RequestSizeLimit extends OncePerRequestFilter {

  private final long limit;

  RequestSizeLimit(DataSize limit) {
    this.limit = limit.toBytes();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long declared = request.getContentLengthLong();
    if (declared > limit) {
      tooLarge(response, "is " + declared + " bytes long");
      return;
    }
    if (declared >= 0 || isOwnMultipart(request)) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
    if (body.length > limit) {
      tooLarge(response, "is longer");
      return;
    }
    chain.doFilter(new Read(request, body), response);
  }

  /** Uploads to our own API are parsed by the servlet container, which holds spring.servlet.multipart's limit. */
  private static boolean isOwnMultipart(HttpServletRequest request) {
    return request.getContentType() != null && request.getContentType().startsWith("multipart/")
        && request.getRequestURI().startsWith(request.getContextPath() + "/api/");
  }

  private void tooLarge(HttpServletResponse response, String length) throws IOException {
    response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
    response.setContentType("application/json");
    response.getWriter().write("{\"type\":\"RequestTooLarge\",\"message\":\"The request body " + length
        + ", at most " + limit + " bytes are accepted\"}");
  }

  /** A request whose body of unknown length has been read, within the limit. */
  private static final class Read extends HttpServletRequestWrapper {

    private final byte[] body;

    Read(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream bytes = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return bytes.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return bytes.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return bytes.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new IllegalStateException("The body has been read already");
        }
      };
    }
  }
}
