# One measured call of a Pop3Tools cmdlet in a fresh PowerShell: import, untimed calls of the same
# cmdlet on the same mailbox (exports into other folders) until the JIT has settled (so the timed call
# does not pay for compiling the code path), then the timed one. Prints one line "BENCH-RESULT <json>"
# with the phases in seconds (and the CPU seconds of the cmdlet call, all threads, which a loaded machine
# inflates less than wall time; and the methods JIT-compiled during it) and the peak RSS of this whole
# process during the timed calls (VmHWM, reset after the warm-up, so the warm-up's own peak does not
# count; what PowerShell and the warm-up left resident does, reported as the baseline).
# With -Fresh there is no warm-up: the call is the first of the process, and the peak RSS is the
# whole process's, from start to end (what a one-off `pwsh -c` export holds); the baseline is the
# RSS after the import.
# The password comes from the environment so it never shows in a process list.
param(
    [Parameter(Mandatory = $true)][ValidateSet('Export', 'Objects', 'Listing')][string]$Case,
    [Parameter(Mandatory = $true)][string]$Manifest,
    [Parameter(Mandatory = $true)][string]$Server,
    [Parameter(Mandatory = $true)][int]$Port,
    [Parameter(Mandatory = $true)][string]$User,
    [string]$Path,
    [string]$WarmUpPath,
    [int]$MinWarmUpCalls = 3,
    [int]$MaxWarmUpCalls = 60,
    [int]$WarmUpSeconds = 40,
    [switch]$Fresh,
    [long]$LaunchedAtMs = 0
)
$startedAtMs = [DateTimeOffset]::UtcNow.ToUnixTimeMilliseconds()
$ErrorActionPreference = 'Stop'

function Get-StatusKiB([string]$Field) {
    $line = Get-Content -LiteralPath "/proc/$PID/status" | Where-Object { $_ -like "${Field}:*" }
    [long]($line -replace '[^0-9]', '')
}

function Connect-Bench([string]$Name) {
    $secret = ConvertTo-SecureString $env:BENCH_POP3_PASSWORD -AsPlainText -Force
    $credential = New-Object System.Management.Automation.PSCredential($Name, $secret)
    # Plain POP3 on loopback and USER/PASS, as every peer and script logs in here: the protocol path is
    # measured, not TLS or SCRAM's key derivation (which every client would pay alike).
    Connect-Pop3 -Server $Server -Port $Port -Credential $credential -Security None -AllowInsecureAuthentication -Authentication UserPass
}

function Invoke-Case($Session, [string]$Target) {
    switch ($Case) {
        'Listing' { Get-Pop3Message -Session $Session | Measure-Object }
        'Export' { Receive-Pop3Message -Session $Session -All -Path $Target | Measure-Object }
        'Objects' { Receive-Pop3Message -Session $Session -All | Measure-Object }
    }
}

$clock = [System.Diagnostics.Stopwatch]::StartNew()
Import-Module $Manifest
$import = $clock.Elapsed.TotalSeconds

if ($Case -ne 'Listing' -and -not (Get-Command Receive-Pop3Message -Module Pop3Tools -ErrorAction SilentlyContinue)) {
    'BENCH-RESULT ' + (@{ skipped = 'Receive-Pop3Message is not exported by this build of the module' } | ConvertTo-Json -Compress)
    return
}

# A warm process, as in a script that has already exported or listed a few mailboxes. pwsh from
# the .NET tool ships without ReadyToRun code, so PowerShell's own hot paths (and ours) start as
# unoptimised code and are recompiled in the background over many calls, on the same two cores the
# timed call needs. Measured: after 25 calls on a 400-message mailbox a 10,000-message export still
# compiled 3,097 methods (2.7 s of JIT); a call on a small mailbox does not reach the paths and counts
# a large one does. So the warm-up runs the same cmdlet on the same mailbox: at least -MinWarmUpCalls
# times, then until three calls in a row compile fewer than 10 methods, at most -MaxWarmUpCalls calls
# or -WarmUpSeconds; then the process waits until it is idle (under 10 ms of CPU in 250 ms, at most 10 s).
# A pause follows each call, as between commands at a prompt: the runtime starts counting calls for
# its optimising recompile only after 100 ms without new unoptimised code (TC_CallCountingDelayMs),
# which back-to-back calls never leave.
$clock.Restart()
$warmUpCalls = 0
$quietCalls = 0
if ($Fresh) { $MinWarmUpCalls = 0; $MaxWarmUpCalls = 0 }
while ($warmUpCalls -lt $MinWarmUpCalls -or ($quietCalls -lt 3 -and $warmUpCalls -lt $MaxWarmUpCalls -and $clock.Elapsed.TotalSeconds -lt $WarmUpSeconds)) {
    $compiledBefore = [System.Runtime.JitInfo]::GetCompiledMethodCount($false)
    $warm = Connect-Bench $User
    $null = Invoke-Case $warm (Join-Path $WarmUpPath $warmUpCalls)
    Disconnect-Pop3 -Session $warm
    if ($Case -eq 'Export') { Remove-Item -LiteralPath (Join-Path $WarmUpPath $warmUpCalls) -Recurse -Force }
    Start-Sleep -Milliseconds 200
    $warmUpCalls++
    if ([System.Runtime.JitInfo]::GetCompiledMethodCount($false) - $compiledBefore -lt 10) { $quietCalls++ } else { $quietCalls = 0 }
}
# No forced garbage collection here: an aggressive one hands about 10 MiB back (139 -> 129 MiB after
# 12 listings; the live heap was 9 MB), but the timed call then pays to take that memory again,
# which is not how a warm process runs. The RSS after the warm-up is reported as the baseline instead.
$warmUp = $clock.Elapsed.TotalSeconds
if ($Fresh) {
    $baseline = Get-StatusKiB 'VmRSS'
} else {
    # Writing 5 to clear_refs resets VmHWM to the current RSS (Linux 4.0+).
    [System.IO.File]::WriteAllText("/proc/$PID/clear_refs", '5')
    $baseline = Get-StatusKiB 'VmHWM'
}

# The idle wait comes last, right before the timed call: reading the baseline runs script code of
# its own (Get-Content, Where-Object), and the runtime recompiles what that made hot in the
# background 100 ms later. Measured with the wait before it: 200 to 295 methods compiled inside the
# timed 10,000-message listing, 0.44 s of CPU; with the wait after it: 2 to 22 methods, 0.28 to 0.31 s.
$self = [System.Diagnostics.Process]::GetCurrentProcess()
$idleBy = [DateTime]::UtcNow.AddSeconds(10)
if (-not $Fresh) {
    do {
        $self.Refresh()
        $before = $self.TotalProcessorTime.TotalMilliseconds
        Start-Sleep -Milliseconds 250
        $self.Refresh()
    } while (($self.TotalProcessorTime.TotalMilliseconds - $before) -ge 10 -and [DateTime]::UtcNow -lt $idleBy)
}
$clock.Restart()
$session = Connect-Bench $User
$connect = $clock.Elapsed.TotalSeconds
$self.Refresh()
$cpuBefore = $self.TotalProcessorTime.TotalSeconds
$jitBefore = [System.Runtime.JitInfo]::GetCompiledMethodCount($false)
$clock.Restart()
$measure = Invoke-Case $session $Path
$cmdlet = $clock.Elapsed.TotalSeconds
$self.Refresh()
$cmdletCpu = $self.TotalProcessorTime.TotalSeconds - $cpuBefore
# Methods the JIT compiled during the timed call: hundreds mean the warm-up did not settle it.
$cmdletJitMethods = [System.Runtime.JitInfo]::GetCompiledMethodCount($false) - $jitBefore
$clock.Restart()
Disconnect-Pop3 -Session $session
$disconnect = $clock.Elapsed.TotalSeconds

$startup = 0.0
if ($LaunchedAtMs -gt 0) { $startup = ($startedAtMs - $LaunchedAtMs) / 1000.0 }
$result = @{
    startup    = $startup
    import     = $import
    warmup     = $warmUp
    warmupCalls = $warmUpCalls
    connect    = $connect
    cmdlet     = $cmdlet
    cmdletCpu  = $cmdletCpu
    cmdletJitMethods = $cmdletJitMethods
    disconnect = $disconnect
    count      = $measure.Count
    baselineRssKiB = $baseline
    peakRssKiB = Get-StatusKiB 'VmHWM'
}
'BENCH-RESULT ' + ($result | ConvertTo-Json -Compress)
