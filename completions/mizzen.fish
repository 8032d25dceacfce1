function __mizzen_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __mizzen_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __mizzen_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __mizzen_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __mizzen_parse_tokens -S
    set -l unparsed_tokens (__mizzen_tokens -pc)
    switch $unparsed_tokens[1]
    case 'mizzen'
        __mizzen_parse_subcommand 0 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'console'
            __mizzen_parse_subcommand 0 'workspace=' 'read-only' 'no-color' 'no-mouse' 'version' 'h/help'
        case 'demo'
            __mizzen_parse_subcommand 0 'workspace=' 'no-color' 'no-mouse' 'version' 'h/help'
        case 'init'
            __mizzen_parse_subcommand 1 'name=' 'workspace=' 'version' 'h/help'
        case 'validate'
            __mizzen_parse_subcommand 0 'format=' 'workspace=' 'version' 'h/help'
        case 'send'
            __mizzen_parse_subcommand 0 'workspace=' 'topic=' 'channel=' 'all-channels' 'identity=+' 'state=' 'dry-run' 'verify' 'format=' 'version' 'h/help'
        case 'check-connection'
            __mizzen_parse_subcommand 1 'workspace=' 'format=' 'version' 'h/help'
        case 'history'
            __mizzen_parse_subcommand 0 'workspace=' 'limit=' 'format=' 'version' 'h/help'
        case 'sandbox'
            __mizzen_parse_subcommand 0 'port=' 'workspace=' 'group=+' 'key=+' 'latency=' 'fail-rate=' 'rate-limit=+' 'rate-window=' 'no-rate-limit' 'seed=' 'item-error=+' 'version' 'h/help'
        case 'schema'
            __mizzen_parse_subcommand 0 'version' 'h/help'
        case 'lookup'
            __mizzen_parse_subcommand 0 'workspace=' 'identity=+' 'expect=+' 'format=' 'version' 'h/help'
        case 'config'
            __mizzen_parse_subcommand 0 'defaults' 'version' 'h/help'
        case 'reconcile'
            __mizzen_parse_subcommand 1 'workspace=' 'apply' 'dry-run' 'resume' 'max-rate=' 'report=' 'format=' 'version' 'h/help'
        case 'help'
            __mizzen_parse_subcommand -r 1 'version'
        end
    end
end

function __mizzen_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __mizzen_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __mizzen_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __mizzen_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__mizzen_tokens -p)
    if test -z "$(__mizzen_tokens -t)"
        set -l index (count (__mizzen_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'mizzen' -f
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen" version' -l 'version' -d 'Show the version.'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_positional "mizzen" -eq 1' -fa 'console' -d 'Open the console on the workspace.'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_positional "mizzen" -eq 1' -fa 'demo' -d 'Open the console on a demo workspace with a local Braze sandbox.'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_positional "mizzen" -eq 1' -fa 'init' -d 'Write an empty workspace file.'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_positional "mizzen" -eq 1' -fa 'validate' -d 'Print every problem of the workspace.'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_positional "mizzen" -eq 1' -fa 'send' -d 'Plan, show and send one signal to Braze.'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_positional "mizzen" -eq 1' -fa 'check-connection' -d 'Check a connection\'s key, endpoint and permissions with read-only calls.'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_positional "mizzen" -eq 1' -fa 'history' -d 'Show the signal journal and the reconcile runs, newest first.'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_positional "mizzen" -eq 1' -fa 'sandbox' -d 'Run the local Braze-compatible sandbox.'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_positional "mizzen" -eq 1' -fa 'schema' -d 'Print the JSON Schema of the workspace format.'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_positional "mizzen" -eq 1' -fa 'lookup' -d 'Show a person\'s state in Braze for every mapped topic and channel.'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_positional "mizzen" -eq 1' -fa 'config' -d 'Check the config file, or print its defaults.'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_positional "mizzen" -eq 1' -fa 'reconcile' -d 'Compare a preference export with Braze, and correct the drift.'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_positional "mizzen" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen console" workspace' -l 'workspace' -d 'The workspace file. Default: $MIZZEN_WORKSPACE, else ./mizzen.json.' -rF
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen console" read-only' -l 'read-only' -d 'Change nothing: every action that would write is disabled.'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen console" no-color' -l 'no-color' -d 'Show roles with bold, reverse and underline only, no colours.'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen console" no-mouse' -l 'no-mouse' -d 'Leave the mouse to the terminal (text selection), even when config.json turns it on.'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen console" version' -l 'version' -d 'Show the version.'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen console" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen demo" workspace' -l 'workspace' -d 'Where to write the demo workspace (must not exist). Default: a new temporary folder.' -rfka ''
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen demo" no-color' -l 'no-color' -d 'Show roles with bold, reverse and underline only, no colours.'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen demo" no-mouse' -l 'no-mouse' -d 'Leave the mouse to the terminal (text selection), even when config.json turns it on.'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen demo" version' -l 'version' -d 'Show the version.'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen demo" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen init" name' -l 'name' -d 'The workspace\'s name. Default: the file name without its extension.' -rfka ''
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen init" workspace' -l 'workspace' -d 'The workspace file. Default: $MIZZEN_WORKSPACE, else ./mizzen.json.' -rF
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen init" version' -l 'version' -d 'Show the version.'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen init" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen validate" format' -l 'format' -d 'text for people, json for scripts.' -rfka 'text json'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen validate" workspace' -l 'workspace' -d 'The workspace file. Default: $MIZZEN_WORKSPACE, else ./mizzen.json.' -rF
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen validate" version' -l 'version' -d 'Show the version.'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen validate" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen send" workspace' -l 'workspace' -d 'The workspace file. Default: $MIZZEN_WORKSPACE, else ./mizzen.json.' -rF
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen send" topic' -l 'topic' -d 'The topic code.' -rfka '(__mizzen_custom_completion ---completion send -- --topic (count (__mizzen_tokens -pc)) (__mizzen_tokens -tC))'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen send" channel' -l 'channel' -d 'The channel: email, sms, whatsapp or push.' -rfka 'email sms whatsapp push'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen send" all-channels' -l 'all-channels' -d 'Send to every channel of the topic, in the fewest calls (instead of --channel).'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen send"' -l 'identity' -d 'An identity value by identity-space code, e.g. email=ana@example.com. Repeatable.' -rfka ''
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen send" state' -l 'state' -d 'The person\'s choice: granted or denied.' -rfka 'granted denied'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen send" dry-run' -l 'dry-run' -d 'Print the plan and send nothing.'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen send" verify' -l 'verify' -d 'After a successful send, read the state back and compare.'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen send" format' -l 'format' -d 'text, json or curl.' -rfka 'text json curl'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen send" version' -l 'version' -d 'Show the version.'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen send" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen check-connection" workspace' -l 'workspace' -d 'The workspace file. Default: $MIZZEN_WORKSPACE, else ./mizzen.json.' -rF
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_positional "mizzen check-connection" -eq 1' -fka '(__mizzen_custom_completion ---completion check-connection -- positional@0 (count (__mizzen_tokens -pc)) (__mizzen_tokens -tC))'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen check-connection" format' -l 'format' -d 'text or json.' -rfka 'text json'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen check-connection" version' -l 'version' -d 'Show the version.'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen check-connection" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen history" workspace' -l 'workspace' -d 'The workspace file. Default: $MIZZEN_WORKSPACE, else ./mizzen.json.' -rF
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen history" limit' -l 'limit' -d 'Show at most this many sends; 0 shows all.' -rfka ''
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen history" format' -l 'format' -d 'text or json.' -rfka 'text json'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen history" version' -l 'version' -d 'Show the version.'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen history" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen sandbox" port' -l 'port' -d 'The TCP port on 127.0.0.1; 0 picks a free one.' -rfka ''
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen sandbox" workspace' -l 'workspace' -d 'A workspace whose subscription groups become the only known groups.' -rfka ''
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen sandbox"' -l 'group' -d 'A known subscription group and its channel (email, sms or whatsapp). Repeatable.' -rfka ''
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen sandbox"' -l 'key' -d 'An accepted API key, with its permissions after = (comma-separated; all when omitted). Repeatable.' -rfka ''
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen sandbox" latency' -l 'latency' -d 'Milliseconds added to every response.' -rfka ''
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen sandbox" fail-rate' -l 'fail-rate' -d 'The share of requests (0…1) answered with 500, 503 or a dropped connection.' -rfka ''
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen sandbox"' -l 'rate-limit' -d 'A pool\'s limit, e.g. set=10/1m (pools: set, track, delete, export, default), or N for every pool per --rate-window. Repeatable; then 429.' -rfka ''
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen sandbox" rate-window' -l 'rate-window' -d 'The window in seconds of a plain --rate-limit N.' -rfka ''
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen sandbox" no-rate-limit' -l 'no-rate-limit' -d 'Lift every rate limit (the X-RateLimit-* headers still come).'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen sandbox" seed' -l 'seed' -d 'Load Braze-side states from a preference export (reconcile\'s rows); needs --workspace.' -rfka ''
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen sandbox"' -l 'item-error' -d 'Refuse this external id, email or phone in subscription sets with a per-item error in errors[] (the call still succeeds for the others); repeatable.' -rfka ''
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen sandbox" version' -l 'version' -d 'Show the version.'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen sandbox" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen schema" version' -l 'version' -d 'Show the version.'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen schema" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen lookup" workspace' -l 'workspace' -d 'The workspace file. Default: $MIZZEN_WORKSPACE, else ./mizzen.json.' -rF
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen lookup"' -l 'identity' -d 'An identity value by identity-space code, e.g. email=ana@example.com. Repeatable.' -rfka ''
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen lookup"' -l 'expect' -d 'The expected choice: granted or denied, for everything, a TOPIC=STATE or a TOPIC/CHANNEL=STATE. Repeatable.' -rfka ''
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen lookup" format' -l 'format' -d 'text or json.' -rfka 'text json'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen lookup" version' -l 'version' -d 'Show the version.'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen lookup" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen config" defaults' -l 'defaults' -d 'Print every default as JSON.'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen config" version' -l 'version' -d 'Show the version.'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen config" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen reconcile" workspace' -l 'workspace' -d 'The workspace file. Default: $MIZZEN_WORKSPACE, else ./mizzen.json.' -rF
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen reconcile" apply' -l 'apply' -d 'Correct the drift in Braze (v2 batches).'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen reconcile" dry-run' -l 'dry-run' -d 'Print the correction batches and send nothing.'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen reconcile" resume' -l 'resume' -d 'Continue a stopped --apply from INPUT.mizzen-progress.'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen reconcile" max-rate' -l 'max-rate' -d 'Write calls per minute, at most 5000.' -rfka ''
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen reconcile" report' -l 'report' -d 'Write every drifting row to this CSV file.' -rfka ''
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen reconcile" format' -l 'format' -d 'text, json or csv.' -rfka 'text json csv'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen reconcile" version' -l 'version' -d 'Show the version.'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen reconcile" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'mizzen' -n '__mizzen_should_offer_completions_for_flags_or_options "mizzen help" version' -l 'version' -d 'Show the version.'
