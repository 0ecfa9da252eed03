# Pop3Tools' root module (kept in src/Pop3Tools, built into bin/): loads the cmdlets built
# for the running edition. PowerShell 7 (Core) runs on .NET 8 or later, Windows
# PowerShell 5.1 (Desktop) on .NET Framework 4.7.2 or later.
if ($PSEdition -eq 'Core') {
    $framework = 'net8.0'
}
else {
    $framework = 'net472'
}
$cmdlets = [System.IO.Path]::Combine($PSScriptRoot, $framework, 'Pop3Tools.dll')

# Import-Module scans the cmdlet types before it runs the module's initializer, and that
# scan already needs Pop3Tools.Engine (parameters of its enum types), which only the
# initializer's resolver can find. So run it first; it is idempotent, and Import-Module
# runs it again.
$initializer = [System.Reflection.Assembly]::LoadFrom($cmdlets).GetType('Pop3Tools.ModuleLifecycle', $true)
([System.Activator]::CreateInstance($initializer)).OnImport()

Import-Module -Name $cmdlets
