package org.itsupport.notification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Registers {@link NoticeDelivery} with the engine (a custom job handler) and gives its jobs a back-off when the
 * mail server is unavailable: the engine retries jobs of its own types as their activities configure, and other
 * jobs at once, so this plugin's failed-job command waits {@code itsupport.notifications.retry-intervals}
 * between the attempts. After the last one the job has no retries left: an incident in Cockpit, and the notice
 * "failed" on the ticket. Every other job fails as the engine would have it.
 */
@Component
public class NoticeRetries extends AbstractProcessEnginePlugin {

  private final List<Duration> intervals;
  private final NoticeDelivery delivery;
  private final NoticeOutbox outbox;

  public NoticeRetries(@Value("${itsupport.notifications.retry-intervals}") List<Duration> intervals,
      NoticeDelivery delivery, NoticeOutbox outbox) {
    if (intervals.isEmpty()) {
      throw new IllegalArgumentException("itsupport.notifications.retry-intervals needs at least one interval");
    }
    this.intervals = List.copyOf(intervals);
    this.delivery = delivery;
    this.outbox = outbox;
  }

  /** Attempts per notice: the first and one after each interval. */
  int attempts() {
    return intervals.size() + 1;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<JobHandler> handlers = new ArrayList<>();
    if (configuration.getCustomJobHandlers() != null) {
      handlers.addAll(configuration.getCustomJobHandlers());
    }
    handlers.add(delivery);
    configuration.setCustomJobHandlers(handlers);
    FailedJobCommandFactory engineDefault = configuration.getFailedJobCommandFactory();
    configuration.setFailedJobCommandFactory((jobId, exception) -> new NoticeOrDefaultRetry(jobId, exception,
        engineDefault));
  }

  private final class NoticeOrDefaultRetry extends DefaultJobRetryCmd {

    private final FailedJobCommandFactory engineDefault;

    NoticeOrDefaultRetry(String jobId, Throwable exception, FailedJobCommandFactory engineDefault) {
      super(jobId, exception);
      this.engineDefault = engineDefault;
    }

    @Override
    public Object execute(CommandContext commandContext) {
      JobEntity job = getJob();
      if (job == null || !NoticeDelivery.TYPE.equals(job.getJobHandlerType())) {
        Command<Object> other = engineDefault != null ? engineDefault.getCommand(jobId, exception) : null;
        return other != null ? other.execute(commandContext) : super.execute(commandContext);
      }
      logException(job);
      int failed = attempts() - job.getRetries();
      Duration wait = intervals.get(Math.min(failed, intervals.size() - 1));
      job.setDuedate(new Date(ClockUtil.getCurrentTime().getTime() + wait.toMillis()));
      job.unlock();
      decrementRetries(job);
      outbox.attemptFailed(job.getJobHandlerConfigurationRaw(), exception.getMessage(), job.getRetries() == 0);
      notifyAcquisition(commandContext);
      return null;
    }
  }
}
