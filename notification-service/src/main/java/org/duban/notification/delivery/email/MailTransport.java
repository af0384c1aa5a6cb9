package org.duban.notification.delivery.email;

import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.duban.notification.delivery.AttemptError;
import org.duban.notification.delivery.AttemptOutcome;
import org.duban.notification.delivery.Channel;
import org.duban.notification.delivery.Delivery;
import org.duban.notification.delivery.DeliveryContent;
import org.duban.notification.delivery.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * E-mails a delivery to the unit's contacts over SMTP (Spring Mail): delivered when the server accepts
 * it. One circuit breaker guards the SMTP server. A failed attempt records {@link AttemptError#MAIL_NOT_ACCEPTED};
 * what the server or the connection said goes to the log only.
 */
public final class MailTransport implements Transport {

    private static final Logger log = LoggerFactory.getLogger(MailTransport.class);

    private final JavaMailSender sender;
    private final String from;
    private final CircuitBreaker breaker;
    private final java.time.Duration openWait;

    public MailTransport(JavaMailSender sender, String from, CircuitBreaker breaker, java.time.Duration openWait) {
        this.sender = sender;
        this.from = from;
        this.breaker = breaker;
        this.openWait = openWait;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public AttemptOutcome attempt(Delivery delivery) {
        if (!breaker.tryAcquirePermission()) {
            return AttemptOutcome.notAttempted(openWait);
        }
        long started = System.nanoTime();
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(from);
            DeliveryContent content = delivery.content();
            helper.setTo(delivery.target().recipients().toArray(String[]::new));
            helper.setSubject(content.subject() == null ? "区信访办通知" : content.subject());
            helper.setText(content.payload(), false);
            message.setHeader("X-Duban-Delivery-Id", delivery.id());
            sender.send(message);
            long latency = millisSince(started);
            breaker.onSuccess(latency, TimeUnit.MILLISECONDS);
            return AttemptOutcome.success(null, latency);
        } catch (MailException | MessagingException e) {
            long latency = millisSince(started);
            breaker.onError(latency, TimeUnit.MILLISECONDS, e);
            // the exception names the office's mail server: the log gets it, the unit's record does not
            log.info("delivery {}: the mail server did not take it: {}", delivery.id(), e.toString());
            return AttemptOutcome.failure(null, latency, AttemptError.MAIL_NOT_ACCEPTED.text(), null);
        }
    }

    private static long millisSince(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }
}
