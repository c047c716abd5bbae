package se.uppfoljning.base.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * Every string of every JSON request body passes {@link InputText#clean}: the API stores the same text the UI would,
 * and a control character is a 422 naming the JSON field (the handler unwraps the refusal Jackson wraps), never a
 * database error. Spring Boot registers this module with its ObjectMapper.
 */
@Component
public class InputTextJacksonModule extends SimpleModule {

    public InputTextJacksonModule() {
        super("InputText");
        addDeserializer(String.class, new CleanString());
    }

    static final class CleanString extends StdScalarDeserializer<String> {

        CleanString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            String field = parser.currentName();
            if (field == null && parser.getParsingContext().getParent() != null) {
                field = parser.getParsingContext().getParent().getCurrentName();
            }
            return InputText.clean(field == null ? "text" : field, value);
        }
    }
}
