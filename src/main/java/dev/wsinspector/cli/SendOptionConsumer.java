package dev.wsinspector.cli;

import dev.wsinspector.core.frame.FrameSpec;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

import java.util.Stack;

/**
 * Collects {@code --send}, {@code --send-hex}, {@code --send-base64}, {@code --send-frame} and {@code --send-raw}
 * into one list in command-line order. Separate list options would each keep their own order but lose the order between them; a parameter
 * consumer sees every occurrence as it is parsed. It also takes the next argument literally, so
 * {@code -s -1} sends "-1" instead of treating it as an option.
 */
final class SendOptionConsumer implements IParameterConsumer {

    @Override
    public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
        OptionSpec option = (OptionSpec) argSpec;
        if (args.isEmpty()) {
            throw new ParameterException(commandSpec.commandLine(),
                    "Missing required parameter for option '" + option.longestName() + "' (" + option.paramLabel() + ")");
        }
        String value = args.pop();
        if (option.longestName().equals("--emit") || option.longestName().equals("--call")) {
            if (args.isEmpty()) {
                throw new ParameterException(commandSpec.commandLine(), "Option '" + option.longestName()
                        + "' takes two values: NAME JSON (e.g. " + option.longestName() + " chat '[\"hi\"]')");
            }
            ((ConnectCommand) commandSpec.userObject()).addSend(
                    new SendItem.Emit(option.longestName().equals("--call"), value, args.pop()));
            return;
        }
        SendItem item;
        try {
            item = switch (option.longestName()) {
                case "--send-hex" -> SendItem.hex(value);
                case "--send-base64" -> SendItem.base64(value);
                case "--send-frame" -> new SendItem.Frame(FrameSpec.parse(value));
                case "--send-raw" -> new SendItem.Raw(SendItem.hex(value).data());
                default -> new SendItem.Text(value);
            };
        } catch (IllegalArgumentException e) {
            throw new ParameterException(commandSpec.commandLine(),
                    "Invalid value for option '" + option.longestName() + "': " + e.getMessage());
        }
        ((ConnectCommand) commandSpec.userObject()).addSend(item);
    }
}
