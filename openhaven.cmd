@echo off
rem Runs OpenHaven from a source checkout on Windows: the desktop app with no arguments, the CLI with arguments.
setlocal
set "HERE=%~dp0"
set "JAVA_CMD=java"
if defined JAVA_HOME set "JAVA_CMD=%JAVA_HOME%\bin\java"
if not exist "%HERE%desktop\target\openhaven.built" (
  echo Building OpenHaven ^(the first time takes a minute or two^)... 1>&2
  call "%HERE%mvnw.cmd" -B -q -DskipTests package || exit /b 1
  type nul > "%HERE%desktop\target\openhaven.built"
)
"%JAVA_CMD%" -XX:+UseSerialGC -cp "%HERE%desktop\target\classes;%HERE%desktop\target\lib\*" org.openhaven.desktop.Launcher %*
exit /b %ERRORLEVEL%
