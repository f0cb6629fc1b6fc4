package org.otklik.appeal;

import org.otklik.graphql.ErrorDetail;
import org.otklik.graphql.OtklikException;

/** Raised on a subscriber whose buffer overflowed: it is cut off so it cannot hold back the others. */
public class SlowSubscriberException extends OtklikException {

	public SlowSubscriberException(int buffer) {
		super(ErrorDetail.SLOW_SUBSCRIBER, "Подписчик не успевает получать события (буфер " + buffer
				+ " переполнен); переподключитесь с after, чтобы получить пропущенное");
	}

}
