package org.itsupport.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import javax.sql.DataSource;
import org.itsupport.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/** A month's report is worked out once and kept as it was: the database refuses to change or delete it. */
@ApplicationTest
class ServiceReviewsTest {

  @Autowired
  ServiceReviews reviews;
  @Autowired
  DataSource dataSource;

  @Test
  void aMonthsReport_isKeptAsItWasComputed() {
    YearMonth month = YearMonth.of(2024, 5); // a month without tickets
    MonthlyReport first = reviews.reportOf(month);
    assertThat(first.month()).isEqualTo("2024-05");
    assertThat(first.opened().total()).isZero();
    assertThat(reviews.reportOf(month)).isEqualTo(first);

    JdbcTemplate database = new JdbcTemplate(dataSource); // the application's own login
    assertThatThrownBy(() -> database.update("update service_review set report = '{}' where month = '2024-05'"))
        .isInstanceOf(DataAccessException.class).hasMessageContaining("cannot be changed");
    assertThatThrownBy(() -> database.update("delete from service_review where month = '2024-05'"))
        .isInstanceOf(DataAccessException.class).hasMessageContaining("cannot be deleted");
    assertThatThrownBy(() -> database.update("drop trigger service_review_unchanged on service_review"))
        .isInstanceOf(DataAccessException.class);
    assertThat(reviews.kept(month)).map(ServiceReviews.Review::report).contains(first);
  }
}
