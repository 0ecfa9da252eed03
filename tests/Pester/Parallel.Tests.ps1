# Pester 5 tests of many mailboxes at once: 40 mailboxes, each exported and partly
# purged from its own runspace, 20 with ForEach-Object -Parallel (PowerShell 7 only)
# and 20 with a runspace pool (Windows PowerShell 5.1 too), some abandoned or stopped
# mid-operation. Each mailbox must end exactly as its own script intended, no session
# may show in another runspace, and no socket, file handle or thread may be left.
# Needs the POP3TOOLS_TEST_* server variables and POP3TOOLS_TEST_PARALLEL_USERS (40
# mailboxes used up by one run, reseeded by the lab before each); the full lab contract
# is at the top of Pop3TestLab.ps1. The scenarios are described in Pop3Parallel.ps1.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Pop3TestLab.ps1')
    $lab = Get-Pop3TestLab
    $ready = $lab.Available -and @($lab.ParallelCredentials).Count -ge 40
    if (-not $lab.Available) {
        Write-Warning "Parallel tests skipped: $($lab.Reason)"
    }
    elseif (-not $ready) {
        Write-Warning 'Parallel tests skipped: POP3TOOLS_TEST_PARALLEL_USERS must name at least 40 mailboxes (user:password,...)'
    }
    $desktop = $PSVersionTable.PSEdition -eq 'Desktop'
    # /proc is where the process's sockets, file descriptors and threads are counted.
    $noProc = -not (Test-Path '/proc/self/fd')
    if ($ready -and $noProc) {
        Write-Warning 'Parallel resource test skipped: it counts sockets, file descriptors and threads in /proc, which this system does not have'
    }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Pop3TestLab.ps1')
    . (Join-Path $PSScriptRoot 'Pop3Parallel.ps1')
    Import-Pop3ToolsModule | Out-Null
    $lab = Get-Pop3TestLab

    # Get-FileHash costs a cmdlet call per file; 480 files are checked.
    $sha256 = [System.Security.Cryptography.SHA256]::Create()
    function Get-Pop3FileSha256 {
        param([string] $Path)
        [BitConverter]::ToString($sha256.ComputeHash([System.IO.File]::ReadAllBytes($Path)))
    }

    # Everything a mailbox's end state is checked against: what the server held before,
    # and the bytes of each message, from the main mailbox (all lab mailboxes hold the
    # same messages in the same order) exported in one session of this runspace.
    function Get-Pop3ReferenceHashes {
        $folder = Join-Path $TestDrive 'reference'
        $session = Connect-Pop3TestSession -Lab $lab
        try {
            $hashes = @{}
            Receive-Pop3Message -Session $session -All -Path $folder -ErrorAction Stop | ForEach-Object {
                $hashes[$_.Number] = Get-Pop3FileSha256 -Path $_.Path
            }
            $hashes
        }
        finally {
            Disconnect-Pop3 -Session $session -Discard
        }
    }

    # Every way the mailbox and its export folder differ from what its plan intended.
    function Get-Pop3MailboxProblems {
        param([hashtable] $Plan, [object[]] $Before, [hashtable] $Reference)
        $user = $Plan.Credential.UserName
        $problems = New-Object System.Collections.ArrayList
        $after = @(Get-Pop3MailboxOnServer -Lab $lab -Credential $Plan.Credential)

        # The server: a completed script lost exactly its purged numbers; every other
        # one committed nothing (POP3 deletes only at QUIT), so it lost nothing.
        $expected = @($Before | Where-Object { $Plan.Scenario -ne 'Complete' -or $Plan.PurgeNumbers -notcontains $_.Number })
        $keptNow = @($after | ForEach-Object { $_.Uid }) -join ' '
        $keptIntended = @($expected | ForEach-Object { $_.Uid }) -join ' '
        if ($keptNow -ne $keptIntended) {
            [void] $problems.Add("${user} ($($Plan.Scenario)): the server holds [$keptNow], intended [$keptIntended]")
        }

        # The folder: whole files named by UID, the journal, nothing else (no temporary).
        $files = @(Get-ChildItem -Path $Plan.Folder -Force -File -ErrorAction SilentlyContinue)
        $messages = @($files | Where-Object { $_.Name -ne '.pop3tools-journal' })
        if (@($files | Where-Object { $_.Name -eq '.pop3tools-journal' }).Count -ne 1) {
            [void] $problems.Add("${user}: no journal in $($Plan.Folder)")
        }
        $byName = @{}
        foreach ($message in $Before) {
            # Lab UIDs are hex digits, which file names keep as they are.
            $byName[$message.Uid + '.eml'] = $message
        }
        foreach ($file in $messages) {
            $message = $byName[$file.Name]
            if ($null -eq $message) {
                [void] $problems.Add("${user}: unexpected file $($file.Name)")
                continue
            }
            if ($file.Length -ne $message.Size) {
                [void] $problems.Add("${user}: $($file.Name) has $($file.Length) bytes, the server said $($message.Size)")
            }
            elseif ((Get-Pop3FileSha256 -Path $file.FullName) -ne $Reference[$message.Number]) {
                [void] $problems.Add("${user}: $($file.Name) differs from message $($message.Number)")
            }
        }
        $saved = @($messages | ForEach-Object { $_.Name -replace '\.eml$', '' })
        # Stopped in the middle of the export, it saved at least the messages before the pause;
        # every other script exported the whole mailbox first.
        $leastSaved = $Before.Count
        if ($Plan.Scenario -eq 'StopInReceive') { $leastSaved = $Plan.PauseAfter }
        if ($saved.Count -lt $leastSaved) {
            [void] $problems.Add("${user}: $($saved.Count) messages saved, at least $leastSaved intended")
        }

        # Whatever the scenario: a message gone from the server was saved first.
        $stillThere = @($after | ForEach-Object { $_.Uid })
        foreach ($message in $Before) {
            if ($stillThere -notcontains $message.Uid -and $saved -notcontains $message.Uid) {
                [void] $problems.Add("${user}: message $($message.Uid) was deleted without being saved")
            }
        }
        , $problems.ToArray()
    }

    # What each script's runspace said about sessions, against its own mailbox.
    function Get-Pop3SessionProblems {
        param([hashtable[]] $Plans)
        $problems = New-Object System.Collections.ArrayList
        foreach ($plan in $Plans) {
            $user = $plan.Credential.UserName
            $report = $plan.Report
            if ($report.SessionsBefore -ne 0) { [void] $problems.Add("${user}: its runspace listed $($report.SessionsBefore) sessions before Connect-Pop3") }
            if ((@($report.SessionsSeen) -join ',') -ne $user) { [void] $problems.Add("${user}: Get-Pop3Session listed [$(@($report.SessionsSeen) -join ',')]") }
            if ($report.DefaultUser -ne $user) { [void] $problems.Add("${user}: the default session was $($report.DefaultUser)'s") }
            if ($null -eq $report.Session -or $report.Session.UserName -ne $user) { [void] $problems.Add("${user}: no session of its own came back") }
            elseif ($report.Session.IsConnected) { [void] $problems.Add("${user}: its session is still connected after its runspace ended") }
            if ($plan.Scenario -eq 'Complete' -and $report.SessionsAfter -ne 0) { [void] $problems.Add("${user}: $($report.SessionsAfter) sessions listed after Disconnect-Pop3") }
        }
        $sessions = @($Plans | ForEach-Object { $_.Report.Session } | Where-Object { $null -ne $_ })
        for ($i = 0; $i -lt $sessions.Count; $i++) {
            for ($j = $i + 1; $j -lt $sessions.Count; $j++) {
                if ([object]::ReferenceEquals($sessions[$i], $sessions[$j])) { [void] $problems.Add("$($sessions[$i].UserName) and another mailbox share one session object") }
            }
        }
        , $problems.ToArray()
    }
}

AfterAll {
    Remove-Module -Name Pop3Tools -Force -ErrorAction SilentlyContinue
}

Describe 'Many mailboxes at once' -Skip:(-not $ready) {
    BeforeAll {
        $reference = Get-Pop3ReferenceHashes
        $before = @{}
        foreach ($credential in $lab.ParallelCredentials) {
            $before[$credential.UserName] = Get-Pop3MailboxOnServer -Lab $lab -Credential $credential
        }
        $ownSessionsBefore = @(Get-Pop3Session).Count
        $exports = Join-Path $TestDrive 'exports'
        # Counted once the test's own sessions above have come and gone.
        $baseline = $null
        if (Test-Path '/proc/self/fd') {
            $baseline = Wait-Pop3ResourcesSettled -Lab $lab -Baseline (Get-Pop3ProcessResources -Lab $lab) -ThreadTolerance 0 -TimeoutSeconds 2
        }
    }

    It 'starts from forty fresh mailboxes, one per scenario run' {
        # The lab seeds them at start; a second run against the same lab finds them used up.
        foreach ($credential in $lab.ParallelCredentials) {
            @($before[$credential.UserName]).Count | Should -Be $lab.MessageCount -Because "$($credential.UserName) is fresh (restart the lab to run this file again)"
        }
    }

    Context 'twenty mailboxes with ForEach-Object -Parallel' -Skip:$desktop {
        BeforeAll {
            # Mailboxes 0..19: every fifth abandons its session with deletions marked.
            $plans = @(for ($i = 0; $i -lt 20; $i++) {
                    $scenario = 'Complete'
                    if ($i % 5 -eq 4) { $scenario = 'Abandon' }
                    New-Pop3MailboxPlan -Lab $lab -Index $i -Scenario $scenario -Root $exports
                })
            $mailboxScript = $Pop3MailboxScript
            # A runspace per mailbox (-UseNewRunspace), all 20 at once, bounded as a whole;
            # a script's failure comes back as its output (-Parallel takes no -ErrorAction).
            $parallelErrors = @($plans | ForEach-Object -Parallel {
                    try {
                        & ([scriptblock]::Create($using:mailboxScript)) -Plan $_ | Out-Null
                    }
                    catch {
                        $_
                    }
                } -ThrottleLimit 20 -UseNewRunspace -TimeoutSeconds 60)
        }

        It 'runs every script to the end it was written for' {
            foreach ($plan in $plans) {
                $intended = 'Completed'
                if ($plan.Scenario -eq 'Abandon') { $intended = 'Abandoned' }
                $plan.Report.Ended | Should -Be $intended -Because "$($plan.Credential.UserName) ran '$($plan.Scenario)'"
                $plan.Report.Saved | Should -Be $lab.MessageCount -Because "$($plan.Credential.UserName) exported its mailbox"
                $plan.Report.Marked | Should -Be $plan.PurgeNumbers.Count -Because "$($plan.Credential.UserName) marked its purge"
            }
            @($plans | Where-Object { $_.Scenario -eq 'Complete' } | ForEach-Object { $_.Report.Deleted } | Select-Object -Unique) | Should -Be @(4)
            # The only errors are the abandoned scripts' own.
            $abandoned = @($plans | Where-Object { $_.Scenario -eq 'Abandon' } | ForEach-Object { $_.Credential.UserName } | Sort-Object)
            @($parallelErrors | ForEach-Object { ($_.Exception.Message -split ' ')[1] } | Sort-Object) | Should -Be $abandoned
        }

        It 'shows each runspace only its own session, and leaves none open' {
            Get-Pop3SessionProblems -Plans $plans | Should -BeNullOrEmpty
            @($plans | ForEach-Object { $_.Report.Runspace } | Select-Object -Unique).Count | Should -Be 20
            @(Get-Pop3Session).Count | Should -Be $ownSessionsBefore
        }

        It 'leaves every mailbox as its script intended, and every export whole' {
            foreach ($plan in $plans) {
                Get-Pop3MailboxProblems -Plan $plan -Before $before[$plan.Credential.UserName] -Reference $reference | Should -BeNullOrEmpty
            }
        }
    }

    Context 'twenty mailboxes with a runspace pool, six stopped mid-operation' {
        BeforeAll {
            # Mailboxes 20..33 complete in a pool of 5 runspaces, so runspaces are reused;
            # 34..36 are stopped in Receive -Delete, 37..39 in Remove, each in a runspace
            # of its own that is closed afterwards (a stopped script's runspace keeps its
            # session until then).
            $plans = @(for ($i = 20; $i -lt 40; $i++) {
                    $scenario = 'Complete'
                    if ($i -ge 34) { $scenario = 'StopInReceive' }
                    if ($i -ge 37) { $scenario = 'StopInRemove' }
                    New-Pop3MailboxPlan -Lab $lab -Index $i -Scenario $scenario -Root $exports
                })
            $pool = [runspacefactory]::CreateRunspacePool(1, 5)
            $pool.Open()
            $own = New-Object System.Collections.ArrayList
            $runs = foreach ($plan in $plans) {
                $ps = [powershell]::Create()
                if ($plan.Scenario -eq 'Complete') {
                    $ps.RunspacePool = $pool
                }
                else {
                    $runspace = [runspacefactory]::CreateRunspace()
                    $runspace.Open()
                    [void] $own.Add($runspace)
                    $ps.Runspace = $runspace
                }
                [void] $ps.AddScript($Pop3MailboxScript).AddParameter('Plan', $plan)
                @{ Plan = $plan; PowerShell = $ps; Handle = $ps.BeginInvoke() }
            }

            $deadline = [DateTime]::UtcNow.AddSeconds(60)
            function Get-Remaining {
                $left = [int] ($deadline - [DateTime]::UtcNow).TotalMilliseconds
                [Math]::Max(0, $left)
            }

            # Stop each paused script, then ask its runspace which sessions it holds.
            $afterStop = @{}
            foreach ($run in @($runs | Where-Object { $_.Plan.Scenario -ne 'Complete' })) {
                if (-not $run.Plan.Paused.Wait((Get-Remaining))) { continue }
                $stop = $run.PowerShell.BeginStop($null, $null)
                if ($stop.AsyncWaitHandle.WaitOne([Math]::Min(15000, (Get-Remaining)))) {
                    $run.PowerShell.EndStop($stop)
                    $ask = [powershell]::Create()
                    $ask.Runspace = $run.PowerShell.Runspace
                    # Read now: closing the runspace below ends the session.
                    $afterStop[$run.Plan.Credential.UserName] = @($ask.AddCommand('Get-Pop3Session').Invoke() | ForEach-Object {
                            [pscustomobject] @{ Session = $_; IsConnected = $_.IsConnected; PendingDeletions = $_.PendingDeletions }
                        })
                    $ask.Dispose()
                }
            }

            # Every script ends within the deadline, or it is stopped and counted as hung.
            $hung = @()
            $failures = @{}
            foreach ($run in $runs) {
                $user = $run.Plan.Credential.UserName
                if (-not $run.Handle.AsyncWaitHandle.WaitOne((Get-Remaining))) {
                    $hung += $user
                    $run.PowerShell.BeginStop($null, $null) | Out-Null
                    continue
                }
                try {
                    [void] $run.PowerShell.EndInvoke($run.Handle)
                }
                catch {
                    $failures[$user] = $_.Exception.GetBaseException()
                }
            }
            foreach ($run in $runs) { $run.PowerShell.Dispose() }
            $pool.Close()
            $pool.Dispose()
            foreach ($runspace in $own) { $runspace.Dispose() }
        }

        It 'runs every script to its end, or stops it mid-operation with deletions marked' {
            $hung | Should -BeNullOrEmpty
            foreach ($plan in $plans) {
                $user = $plan.Credential.UserName
                if ($plan.Scenario -eq 'Complete') {
                    $failures[$user] | Should -BeNullOrEmpty -Because "$user ran to its end"
                    $plan.Report.Ended | Should -Be 'Completed' -Because "$user ran to its end"
                    $plan.Report.Deleted | Should -Be $plan.PurgeNumbers.Count -Because "$user committed its purge"
                }
                else {
                    $plan.Paused.IsSet | Should -BeTrue -Because "$user reached its pause"
                    $failures[$user] | Should -BeOfType [System.Management.Automation.PipelineStoppedException] -Because "$user was stopped"
                    $plan.Report.SleptThrough | Should -BeNullOrEmpty -Because "$user was stopped in its pause"
                    $plan.Report.Ended | Should -BeNullOrEmpty -Because "$user was stopped before its end"
                    $plan.Report.PendingAtPause | Should -BeGreaterOrEqual $plan.PauseAfter -Because "$user had marked deletions when it was stopped"
                    # The stopped runspace still held its session, and only that one, with the marks.
                    $held = @($afterStop[$user])
                    $held.Count | Should -Be 1 -Because "$user's runspace holds its one session"
                    [object]::ReferenceEquals($held[0].Session, $plan.Report.Session) | Should -BeTrue -Because "$user's runspace holds its own session"
                    $held[0].IsConnected | Should -BeTrue -Because "$user's session outlives the stop"
                    $held[0].PendingDeletions | Should -Be $plan.Report.PendingAtPause -Because "$user's marks outlive the stop"
                }
            }
        }

        It 'shows each runspace only its own session, and ends the stopped ones with their runspace' {
            Get-Pop3SessionProblems -Plans $plans | Should -BeNullOrEmpty
            # Five pooled runspaces served fourteen scripts: a reused runspace started clean.
            @($plans | Where-Object { $_.Scenario -eq 'Complete' } | ForEach-Object { $_.Report.Runspace } | Select-Object -Unique).Count | Should -BeLessOrEqual 5
            @(Get-Pop3Session).Count | Should -Be $ownSessionsBefore
        }

        It 'leaves every mailbox as its script intended, and every export whole' {
            foreach ($plan in $plans) {
                Get-Pop3MailboxProblems -Plan $plan -Before $before[$plan.Credential.UserName] -Reference $reference | Should -BeNullOrEmpty
            }
        }
    }

    Context 'afterwards' {
        It 'leaves no socket, open file or thread of the process behind' -Skip:$noProc {
            # Threads may take a moment to end; a few belong to the runtime's pools, which keep idle ones.
            $now = Wait-Pop3ResourcesSettled -Lab $lab -Baseline $baseline -ThreadTolerance 6 -TimeoutSeconds 15
            $now.LabConnections | Should -Be $baseline.LabConnections -Because 'every connection to the lab is closed'
            $now.Sockets | Should -BeLessOrEqual $baseline.Sockets -Because 'no socket is left open'
            $now.Files | Should -BeLessOrEqual $baseline.Files -Because 'no export file or journal is left open'
            $now.Threads | Should -BeLessOrEqual ($baseline.Threads + 6) -Because 'the runspaces'' threads have ended'
        }
    }
}

Describe 'Removing the module in another runspace' -Skip:(-not $lab.Available) {
    It 'ends that runspace''s sessions and leaves this runspace''s open' {
        $mine = Connect-Pop3TestSession -Lab $lab
        $other = [powershell]::Create()
        try {
            $script = {
                param($ManifestPath, $Lab)
                Import-Module -Name $ManifestPath -ErrorAction Stop
                $theirs = Connect-Pop3 -Server $Lab.Server -Port $Lab.Port -Security StartTls -Credential $Lab.Credential `
                    -CertificateThumbprint $Lab.Thumbprint -ErrorAction Stop
                Remove-Module -Name Pop3Tools
                $theirs
            }
            [void] $other.AddScript($script.ToString()).AddParameter('ManifestPath', (Get-Pop3ToolsManifestPath)).AddParameter('Lab', $lab)
            $handle = $other.BeginInvoke()
            $handle.AsyncWaitHandle.WaitOne(30000) | Should -BeTrue -Because 'the other runspace ends within 30 s'
            $theirs = @($other.EndInvoke($handle))

            $theirs.Count | Should -Be 1
            $theirs[0].IsConnected | Should -BeFalse -Because 'Remove-Module ends the sessions of its own runspace'
            $mine.IsConnected | Should -BeTrue -Because 'another runspace''s Remove-Module must not cut this one'
            @(Get-Pop3Message -Session $mine -NoHeaders -ErrorAction Stop).Count | Should -Be $lab.MessageCount
            @(Get-Pop3Session) | Should -Contain $mine
        }
        finally {
            $other.Dispose()
            Close-Pop3TestSession -Session $mine
        }
    }
}
