package se.uppfoljning.base.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * The API's answers leave in one piece up to {@value #BYTES} bytes: with the servlet container's default buffer
 * (8 KB) a follow-up of a committee (about 36 KB of JSON for the demo's KS) went out as five chunked writes, each a
 * system call on the server's CPU; with this buffer it is one chunk (Spring's JSON converter flushes once at the end,
 * so the answer stays chunked rather than carrying a {@code Content-Length}). Larger answers
 * (files) are streamed as before once the buffer is full. The container keeps the buffer with its connection.
 */
public class ApiResponseBuffer extends OncePerRequestFilter {

    public static final int BYTES = 64 * 1024;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setBufferSize(BYTES);
        chain.doFilter(request, response);
    }
}
