{{
  config(
    materialized = 'view'
  )
}}

with

events as (
    select *
    from {{ source('atomic', 'events') }}
    where collector_tstamp < '2030-01-01'
),

renamed as (
    select
        cast(e.event_id as varchar) as event_id,
        cast(e.collector_tstamp as timestamp_ntz) as collector_tstamp,
        cast(e.derived_tstamp as timestamp_ntz) as derived_tstamp,
        cast(e.dvce_created_tstamp as timestamp_ntz) as dvce_created_tstamp,
        cast(e.event_name as varchar) as event_name,
        cast(e.event_version as varchar) as event_version,
        cast(e.app_id as varchar) as app_id,
        cast(e.platform as varchar) as platform,
        cast(e.domain_userid as varchar) as domain_userid,
        cast(e.domain_sessionid as varchar) as domain_sessionid,
        cast(e.network_userid as varchar) as network_userid,
        cast(e.user_id as varchar) as user_id,
        cast(get(e.unstruct_event_com_example_button_press_2, 'buttonId') as varchar) as button_id,
        cast(get(e.unstruct_event_com_example_button_press_2, 'label') as varchar) as label,
        cast('atomic' as varchar) as source_schema,
        cast('events' as varchar) as source_table,
        cast('acme/button_press/2-0.json' as varchar) as schema_id,
        cast('{"code_owner": "a", "product_owner": "b"}' as varchar) as schema_metadata
    from events as e
    where e.event_vendor = 'com.example'
        and e.event_name = 'button_press'
        and e.event_version like '2-%'
)

select * from renamed
